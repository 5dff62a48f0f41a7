//! `table-arithmetic`: a running-total column, a total row or a column of shares in a
//! Markdown table that does not add up.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::prose::show;
use crate::analysis::statements::reported_values;
use crate::analysis::{Analysis, Claim, ClaimKind, ValueItem};
use crate::base::diagnostic::{Diagnostic, FileKey, Label};
use crate::base::value::{Hedge, Interval, Quantity, Value};
use crate::rules::{Rule, RuleId, RuleMeta};

/// The rule.
pub struct TableArithmetic;

static META: RuleMeta = RuleMeta {
    id: RuleId::TableArithmetic,
    summary: "a running-total or total row that does not equal the sum of its column",
    explanation: "\
## What it finds
Arithmetic a Markdown table states and gets wrong:

- a column headed like \"Cumulative\", \"Running total\" or \"Total to date\" whose cell
  is not the previous running total plus the amount beside it (the nearest column of
  the same kind of value, left first; rows newest-first are read bottom-up);
- a last row labelled \"Total\" (or \"Sum\", \"Overall\") whose cell is not the sum of
  the cells above it in money and count columns (and in columns of shares);
- a column of percentages headed like \"Share\" (\"% of total\", \"Portion\") with a cell
  over 100%, or whose cells add up to more than 100%.

Rounding is no error: every cell is an interval at its printed precision, and a whole
number in a column printed with decimals (\"$4 billion\" under \"$1.25 billion\") is read
at the column's precision. The finding points at the wrong cell, with the computed
value in the message. When one running total is wrong and the next ones are right,
only that cell is reported. A first row whose running total is larger than its amount
is taken as a table that starts mid-history, unless the row says it is the first
(\"initial\", \"first\", \"seed\"). It needs no fact base.

## Why it matters
Tables are where readers check the arithmetic, and a running total that was not
updated with its row is easy to miss when editing.

## Example that fires
    | Date           | Investment    | Cumulative    |
    |----------------|---------------|---------------|
    | September 2023 | $1.25 billion | $1.25 billion |
    | March 2024     | $2.75 billion | $4.5 billion  |
$1.25 billion + $2.75 billion is $4 billion.

## Example that does not fire
    | Year | Revenue growth |
    |------|----------------|
    | 2023 | 80%            |
    | 2024 | 65%            |
Growth rates are no shares: they may add up to more than 100%.
",
};

static CUMULATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:cumulative|cumulatively|running total|total to date|to date|total so far|so far|year[- ]to[- ]date|ytd)(?-u:\b)")
        .expect("constant regex")
});

static SHARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)shares?(?-u:\b)|%\s*of(?-u:\b)|(?-u:\b)percent(?:age)? of(?-u:\b)|(?-u:\b)portion(?-u:\b)|(?-u:\b)proportion(?-u:\b)|(?-u:\b)allocation(?-u:\b)|(?-u:\b)weight(?:ing)?(?-u:\b)|(?-u:\b)split(?-u:\b))")
        .expect("constant regex")
});

/// Headers that say each row is a whole of its own (shares of different markets,
/// years).
static OWN_WHOLES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:markets?|segments?|category|categories|regions?|country|countries|sectors?|industry|industries|years?|dates?|quarters?|periods?|months?|benchmarks?)(?-u:\b)")
        .expect("constant regex")
});

static TOTAL_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s*_]*(?:grand total|totals?|sum|overall|combined|all)(?-u:\b)[\s*_:]*(?:to date)?[\s*_:]*$")
        .expect("constant regex")
});

static SUBTOTAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)sub-?totals?(?-u:\b)").expect("constant regex"));

static FIRST_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:initial|first|seed|launch|inception|founding|start)(?-u:\b)")
        .expect("constant regex")
});

static DECIMAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]\.[0-9]").expect("constant regex"));

impl Rule for TableArithmetic {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, a: &Analysis<'_>, out: &mut Vec<Diagnostic>) {
        // Each table's rows, in one pass over the claims (a pass per table was
        // quadratic: 40,000 small tables in one draft took 20 s).
        let mut tables: Vec<Vec<&Claim>> = vec![Vec::new(); a.doc.tables.len()];
        for c in &a.claims {
            if let ClaimKind::Row { table, .. } = c.kind
                && let Some(rows) = tables.get_mut(table)
            {
                rows.push(c);
            }
        }
        for (ti, rows) in tables.iter().enumerate() {
            if rows.len() >= 2 {
                check_table(a, ti, rows, out);
            }
        }
    }
}

/// A table's cells: for each row, for each column, the values in the cell (dates left
/// out).
struct Grid<'c> {
    cells: Vec<Vec<Vec<&'c ValueItem>>>,
    labels: Vec<String>,
    /// For each row, the text of each cell.
    words: Vec<Vec<String>>,
    texts: Vec<String>,
    header: Vec<String>,
    /// Where the values a fact rule reports start.
    reported: HashSet<usize>,
}

impl<'c> Grid<'c> {
    /// The one value of a cell, if it has exactly one.
    fn one(&self, row: usize, col: usize) -> Option<&'c ValueItem> {
        match self
            .cells
            .get(row)
            .and_then(|r| r.get(col))
            .map(Vec::as_slice)
        {
            Some([v]) => Some(*v),
            _ => None,
        }
    }

    /// The values of a column in `rows`, when every row has exactly one, all of the
    /// same kind and none a range.
    fn column(&self, rows: &[usize], col: usize) -> Option<Vec<&'c ValueItem>> {
        let vs: Option<Vec<&ValueItem>> = rows.iter().map(|&r| self.one(r, col)).collect();
        let vs = vs?;
        let first = vs.first()?;
        let ok = vs.iter().all(|v| {
            v.value.same_kind(&first.value) && v.value.quantity().is_some_and(|q| !q.is_range())
        });
        ok.then_some(vs)
    }

    fn header(&self, col: usize) -> &str {
        self.header.get(col).map_or("", String::as_str)
    }
}

fn check_table(a: &Analysis<'_>, ti: usize, rows: &[&Claim], out: &mut Vec<Diagnostic>) {
    let table = &a.doc.tables[ti];
    let ncols = table
        .header
        .len()
        .max(table.rows.iter().map(Vec::len).max().unwrap_or(0));
    let mut grid = Grid {
        cells: Vec::new(),
        labels: Vec::new(),
        words: Vec::new(),
        texts: rows.iter().map(|c| c.text.to_string()).collect(),
        header: table.header.clone(),
        reported: reported_values(a)
            .into_iter()
            .filter_map(|(ci, vi)| a.claims.get(ci)?.values.get(vi).map(|v| v.span.start))
            .collect(),
    };
    for (ri, c) in rows.iter().enumerate() {
        let mut row = vec![Vec::new(); ncols];
        for v in &c.values {
            if let (Some(col), false) = (v.col, matches!(v.value, Value::Date(_)))
                && col < ncols
            {
                row[col].push(v);
            }
        }
        grid.cells.push(row);
        grid.words.push(cell_texts(a, table.rows.get(ri).map_or(&[][..], Vec::as_slice)));
    }
    let n = grid.cells.len();
    let label_col = label_column(&grid);
    grid.labels = grid
        .words
        .iter()
        .map(|r| r.get(label_col).cloned().unwrap_or_default())
        .collect();
    let has_total = grid.labels.last().is_some_and(|l| TOTAL_LABEL.is_match(l))
        && !grid.labels.iter().any(|l| SUBTOTAL.is_match(l));
    let body: Vec<usize> = (0..if has_total { n - 1 } else { n }).collect();
    let is_cumulative = |c: usize| CUMULATIVE.is_match(grid.header(c));
    let is_share = |c: usize| {
        SHARE.is_match(grid.header(c))
            && grid
                .column(&body, c)
                .is_some_and(|vs| matches!(vs[0].value, Value::Percent(_)))
    };
    for c in 0..ncols {
        if is_cumulative(c) && !SUBTOTAL.is_match(grid.header(c)) {
            running_total(a, &grid, &body, c, &is_cumulative, out);
        }
    }
    // Share columns whose sum a total row states: checked there.
    let mut total_checked = vec![false; ncols];
    if has_total {
        for (c, checked) in total_checked.iter_mut().enumerate().skip(label_col + 1) {
            if is_cumulative(c) {
                continue;
            }
            let Some(total) = grid.one(n - 1, c) else {
                continue;
            };
            if matches!(total.value, Value::Percent(_)) && !is_share(c) {
                continue;
            }
            if let Some(parts) = grid.column(&body, c)
                && parts[0].value.same_kind(&total.value)
            {
                *checked = true;
                total_row(a, &grid, &parts, total, out);
            }
        }
    }
    for (c, checked) in total_checked.iter().enumerate() {
        if is_share(c)
            && let Some(vs) = grid.column(&body, c)
        {
            let wholes = (0..ncols).any(|o| o != c && OWN_WHOLES.is_match(grid.header(o)));
            shares(a, &vs, !checked && !wholes, out);
        }
    }
}

/// A cell's interval: its printed precision, or the column's when the cell prints a
/// whole number in a column printed with decimals.
/// The texts of a row's cells.
fn cell_texts(a: &Analysis<'_>, cells: &[usize]) -> Vec<String> {
    cells
        .iter()
        .map(|&bi| a.doc.blocks.get(bi).map_or(String::new(), |b| b.text.trim().to_string()))
        .collect()
}

/// The column that labels the rows: the first, unless the last row's label ("Total")
/// stands in a later column of text, after columns that only group the rows (the same
/// text in every row, as "Google" beside "Upfront", "Over time", "Total").
fn label_column(grid: &Grid<'_>) -> usize {
    let Some((last, body)) = grid.words.split_last() else {
        return 0;
    };
    if last.first().is_none_or(|l| TOTAL_LABEL.is_match(l)) || body.is_empty() {
        return 0;
    }
    for (k, label) in last.iter().enumerate().skip(1) {
        let grouping = |j: usize| {
            let t = &last[j];
            body.iter().all(|r| r.get(j) == Some(t))
        };
        let text_only = grid
            .cells
            .iter()
            .all(|r| r.get(k).is_none_or(Vec::is_empty));
        if !text_only || !(0..k).all(grouping) {
            return 0;
        }
        if TOTAL_LABEL.is_match(label) {
            return k;
        }
    }
    0
}

fn cell_interval(a: &Analysis<'_>, v: &ValueItem, column_precision: f64) -> Option<Interval> {
    let q = v.value.quantity()?;
    if q.hedge != Hedge::Exact || DECIMAL.is_match(a.source_text(&v.span)) {
        return Some(q.interval());
    }
    Some(
        Quantity {
            precision: q.precision.min(column_precision),
            ..q
        }
        .interval(),
    )
}

fn precision_of(vs: &[&ValueItem]) -> f64 {
    vs.iter()
        .filter_map(|v| v.value.quantity())
        .map(|q| q.precision)
        .fold(f64::INFINITY, f64::min)
}

fn add(x: Interval, y: Interval) -> Interval {
    Interval {
        lo: x.lo + y.lo,
        hi: x.hi + y.hi,
    }
}

/// True when a fact rule reports the value (its finding says more than ours).
fn reported(grid: &Grid<'_>, v: &ValueItem) -> bool {
    grid.reported.contains(&v.span.start)
}

fn value_of(v: &ValueItem) -> f64 {
    v.value.quantity().map_or(0.0, |q| q.value())
}

fn running_total(
    a: &Analysis<'_>,
    grid: &Grid<'_>,
    body: &[usize],
    c: usize,
    is_cumulative: &dyn Fn(usize) -> bool,
    out: &mut Vec<Diagnostic>,
) {
    let Some(cum) = grid.column(body, c) else {
        return;
    };
    if cum.len() < 2 {
        return;
    }
    // The amount column: the nearest column of the same kind, left first.
    let ncols = grid.header.len().max(c + 1);
    let candidates = (1..ncols).flat_map(|d| [c.checked_sub(d), Some(c + d)]);
    let Some(amounts) = candidates
        .flatten()
        .filter(|&o| o != c && o < ncols && !is_cumulative(o))
        .filter(|&o| !SHARE.is_match(grid.header(o)))
        .find_map(|o| {
            grid.column(body, o)
                .filter(|vs| vs[0].value.same_kind(&cum[0].value))
        })
    else {
        return;
    };
    // Rows newest-first are read from the bottom.
    let mut order: Vec<usize> = (0..cum.len()).collect();
    if value_of(cum[0]) > value_of(cum[cum.len() - 1]) {
        order.reverse();
    }
    let cp = precision_of(&cum);
    let ap = precision_of(&amounts);
    let cum_i: Vec<Interval> = order
        .iter()
        .map(|&i| cell_interval(a, cum[i], cp).unwrap_or(Interval { lo: 0.0, hi: 0.0 }))
        .collect();
    let amt_i: Vec<Interval> = order
        .iter()
        .map(|&i| cell_interval(a, amounts[i], ap).unwrap_or(Interval { lo: 0.0, hi: 0.0 }))
        .collect();
    let zero = Interval { lo: 0.0, hi: 0.0 };
    // Does row k (in reading order) follow from the row before it?
    let expected = |k: usize| -> Interval {
        if k == 0 {
            amt_i[0]
        } else {
            add(cum_i[k - 1], amt_i[k])
        }
    };
    let local_ok = |k: usize| -> bool {
        if k == 0 {
            let ok = cum_i[0].overlaps(&amt_i[0]);
            // A first running total above its amount: a table that starts mid-history,
            // unless the row says it is the first.
            let first_row = grid
                .texts
                .get(body[order[0]])
                .is_some_and(|t| FIRST_ROW.is_match(t));
            ok || (cum_i[0].lo > amt_i[0].hi && !first_row)
        } else {
            cum_i[k].overlaps(&expected(k))
        }
    };
    let m = order.len();
    let mut skip_next = false;
    for k in 0..m {
        if skip_next {
            skip_next = false;
            continue;
        }
        if local_ok(k) {
            continue;
        }
        // One wrong running total, and the next one right again: report this one only.
        // Then the cell is certainly the wrong one (not the amount beside it), and the
        // finding can carry its fix.
        if k + 1 < m && !local_ok(k + 1) {
            let before = if k == 0 { zero } else { cum_i[k - 1] };
            if cum_i[k + 1].overlaps(&add(add(before, amt_i[k]), amt_i[k + 1])) {
                skip_next = true;
            }
        }
        let confirmed = skip_next;
        let (ri, cell) = (order[k], cum[order[k]]);
        let amount = amounts[ri];
        if reported(grid, cell)
            || reported(grid, amount)
            || (k > 0 && reported(grid, cum[order[k - 1]]))
        {
            continue;
        }
        let computed = if k == 0 {
            value_of(amount)
        } else {
            value_of(cum[order[k - 1]]) + value_of(amount)
        };
        let computed_text = show(&cell.value, computed);
        let found = a.source_text(&cell.span).to_string();
        let how = if k == 0 {
            format!("the first amount is {}", a.source_text(&amount.span))
        } else {
            format!(
                "{} + {} = {computed_text}",
                a.source_text(&cum[order[k - 1]].span),
                a.source_text(&amount.span)
            )
        };
        let mut d = Diagnostic::new(
            RuleId::TableArithmetic,
            cell.span.clone(),
            format!(
                "running total {found} in column \"{}\", but {how}",
                grid.header(cell.col.unwrap_or(0))
            ),
        )
        .with_label(format!("expected {computed_text}"));
        if k > 0 {
            d.related.push(Label {
                file: FileKey::Draft,
                span: cum[order[k - 1]].span.clone(),
                message: "the running total before".to_string(),
            });
        }
        d.related.push(Label {
            file: FileKey::Draft,
            span: amount.span.clone(),
            message: "the amount of this row".to_string(),
        });
        d.expected = Some(computed_text);
        d.found = Some(found);
        if confirmed {
            d.fix = crate::analysis::restyle::number_fix(a.text, &cell.span, &cell.value, computed);
        }
        out.push(d);
    }
}

fn total_row(
    a: &Analysis<'_>,
    grid: &Grid<'_>,
    parts: &[&ValueItem],
    total: &ValueItem,
    out: &mut Vec<Diagnostic>,
) {
    let mut all: Vec<&ValueItem> = parts.to_vec();
    all.push(total);
    let p = precision_of(&all);
    let mut sum = Interval { lo: 0.0, hi: 0.0 };
    let mut point = 0.0;
    for v in parts {
        let Some(i) = cell_interval(a, v, p) else {
            return;
        };
        sum = add(sum, i);
        point += value_of(v);
    }
    let Some(t) = cell_interval(a, total, p) else {
        return;
    };
    if t.overlaps(&sum) || reported(grid, total) || parts.iter().any(|v| reported(grid, v)) {
        return;
    }
    let computed = show(&total.value, point);
    let found = a.source_text(&total.span).to_string();
    let listed: Vec<&str> = parts.iter().map(|v| a.source_text(&v.span)).collect();
    let mut d = Diagnostic::new(
        RuleId::TableArithmetic,
        total.span.clone(),
        format!(
            "total {found}, but the column adds up to {computed} ({})",
            listed.join(" + ")
        ),
    )
    .with_label(format!("expected {computed}"));
    for v in parts {
        d.related.push(Label {
            file: FileKey::Draft,
            span: v.span.clone(),
            message: "a part".to_string(),
        });
    }
    d.expected = Some(computed);
    d.found = Some(found);
    out.push(d);
}

fn shares(a: &Analysis<'_>, vs: &[&ValueItem], check_sum: bool, out: &mut Vec<Diagnostic>) {
    for v in vs {
        if let Some(i) = v.value.quantity().map(|q| q.interval())
            && i.lo > 100.0
        {
            let found = a.source_text(&v.span).to_string();
            let mut d = Diagnostic::new(
                RuleId::TableArithmetic,
                v.span.clone(),
                format!("a share of {found} is more than the whole"),
            )
            .with_label("more than 100%");
            d.expected = Some("at most 100%".to_string());
            d.found = Some(found);
            out.push(d);
            return;
        }
    }
    if !check_sum || vs.len() < 2 {
        return;
    }
    let lo: f64 = vs
        .iter()
        .filter_map(|v| v.value.quantity())
        .map(|q| q.interval().lo)
        .sum();
    if lo <= 100.0 {
        return;
    }
    let point: f64 = vs.iter().map(|v| value_of(v)).sum();
    let last = vs[vs.len() - 1];
    let listed: Vec<&str> = vs.iter().map(|v| a.source_text(&v.span)).collect();
    let computed = show(&last.value, point);
    let mut d = Diagnostic::new(
        RuleId::TableArithmetic,
        last.span.clone(),
        format!(
            "shares add up to {computed} ({}), more than the whole",
            listed.join(" + ")
        ),
    )
    .with_label(format!("the shares add up to {computed}"));
    for v in &vs[..vs.len() - 1] {
        d.related.push(Label {
            file: FileKey::Draft,
            span: v.span.clone(),
            message: "a share".to_string(),
        });
    }
    d.expected = Some("at most 100%".to_string());
    d.found = Some(computed);
    out.push(d);
}

#[cfg(test)]
mod tests {
    use crate::facts::FactBase;
    use crate::run::{CheckOptions, check_text};

    /// (line, expected) of each table-arithmetic finding, with no fact base.
    fn found(body: &str) -> Vec<(usize, String)> {
        let base = FactBase::load(Vec::new()).expect("an empty base");
        let r = check_text(
            std::path::Path::new("t.md"),
            body,
            &base,
            &CheckOptions::default(),
        );
        r.diagnostics
            .iter()
            .filter(|d| d.rule == crate::rules::RuleId::TableArithmetic)
            .map(|d| {
                (
                    body[..d.span.start].matches('\n').count() + 1,
                    d.expected.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    const HEAD: &str = "| Round | Amount | Cumulative |\n|---|---|---|\n";

    #[test]
    fn one_wrong_amount_or_running_total_is_one_finding() {
        // Row 2's amount is wrong: its running total does not follow; row 3 does.
        let amount =
            format!("{HEAD}| Seed | $1.25B | $1.25B |\n| A | $3.75B | $4B |\n| B | $4B | $8B |\n");
        assert_eq!(found(&amount), [(4, "$5 billion".to_string())]);
        // Row 2's running total is wrong, row 3 follows from the true sum: row 2 only.
        let cum = format!(
            "{HEAD}| Seed | $1.25B | $1.25B |\n| A | $2.75B | $4.5B |\n| B | $4B | $8B |\n"
        );
        assert_eq!(found(&cum), [(4, "$4 billion".to_string())]);
        // The last running total.
        let last =
            format!("{HEAD}| Seed | $1.25B | $1.25B |\n| A | $2.75B | $4B |\n| B | $4B | $9B |\n");
        assert_eq!(found(&last), [(5, "$8 billion".to_string())]);
    }

    #[test]
    fn newest_first_tables_are_read_bottom_up() {
        let ok =
            format!("{HEAD}| B | $4B | $8B |\n| A | $2.75B | $4B |\n| Seed | $1.25B | $1.25B |\n");
        assert_eq!(found(&ok), []);
        let bad = format!(
            "{HEAD}| B | $4B | $8.5B |\n| A | $2.75B | $4B |\n| Seed | $1.25B | $1.25B |\n"
        );
        assert_eq!(found(&bad), [(3, "$8 billion".to_string())]);
    }

    #[test]
    fn a_table_may_start_mid_history_unless_its_first_row_says_it_is_the_first() {
        let mid = format!("{HEAD}| C | $450M | $1.5B |\n| D | $4B | $5.5B |\n");
        assert_eq!(found(&mid), []);
        let first = format!("{HEAD}| Initial | $450M | $1.5B |\n| D | $4B | $5.5B |\n");
        assert_eq!(found(&first), [(3, "$450 million".to_string())]);
        let below = format!("{HEAD}| C | $4B | $1.5B |\n| D | $4B | $5.5B |\n");
        assert_eq!(found(&below), [(3, "$4 billion".to_string())]);
    }

    #[test]
    fn totals_and_shares() {
        let ok = "| Item | Cost | Share |\n|---|---|---|\n| A | $1.5M | 37.5% |\n| B | $2.5M | 62.5% |\n| Total | $4M | 100% |\n";
        assert_eq!(found(ok), []);
        let bad = "| Item | Cost | Share |\n|---|---|---|\n| A | $1.5M | 37.5% |\n| B | $2.5M | 72.5% |\n| Total | $4M | 100% |\n";
        assert_eq!(found(bad), [(5, "110%".to_string())]);
        let over = "| Vendor | Share |\n|---|---|\n| A | 120% |\n| B | 10% |\n";
        assert_eq!(found(over), [(3, "at most 100%".to_string())]);
        // Shares of different markets are shares of different wholes.
        let markets = "| Vendor | Market | Share |\n|---|---|---|\n| A | Cloud | 60% |\n| B | Chips | 80% |\n";
        assert_eq!(found(markets), []);
        // A subtotal makes "Total" ambiguous: not checked.
        let sub = "| Item | Cost |\n|---|---|\n| A | $1M |\n| Subtotal | $1M |\n| B | $2M |\n| Total | $9M |\n";
        assert_eq!(found(sub), []);
    }

    #[test]
    fn a_total_row_labelled_after_a_grouping_column() {
        // "Total" stands in the second column; the first only groups the rows.
        let bad = "| Investor | Item | Amount |\n|---|---|---|\n| Globex | Upfront | $500 million |\n| Globex | Over time | $1.5 billion |\n| Globex | Total | $2.5 billion |\n";
        assert_eq!(found(bad), [(5, "$2 billion".to_string())]);
        let ok = bad.replace("$2.5 billion", "$2 billion");
        assert_eq!(found(&ok), []);
        // The first column differs between rows: it labels them, and "Total" in the
        // second column is no total row (it names a category of each investor).
        let other = "| Investor | Item | Amount |\n|---|---|---|\n| Globex | Upfront | $500 million |\n| Initech | Over time | $1.5 billion |\n| Hooli | Total | $2.5 billion |\n";
        assert_eq!(found(other), []);
    }
}
