//! The scope of a hedge around a product's name, end to end: `anachronism` on drafts
//! dated 2024-11-22, before GPT-4.5 was announced (2025-02-27 in the built-in base).
//! Each draft names what it plants.

mod common;

fn anachronisms(body: &str) -> usize {
    common::findings_on("2024-11-22", body)
        .iter()
        .filter(|(rule, _)| rule == "anachronism")
        .count()
}

#[test]
fn a_modal_that_hedges_something_else_does_not_excuse_the_name() {
    // Planted: GPT-4.5 presupposed to exist; the modal is about pricing, switching, saving.
    assert_eq!(
        anachronisms("The recent GPT-4.5 launch could reshape pricing."),
        1
    );
    assert_eq!(
        anachronisms("Customers can switch to GPT-4.5 if they prefer."),
        1
    );
    assert_eq!(
        anachronisms("Teams that moved to GPT-4.5 may save money."),
        1
    );
}

#[test]
fn wording_that_makes_the_release_future_or_hypothetical_is_silent() {
    assert_eq!(anachronisms("GPT-4.5 could arrive in early 2025."), 0);
    assert_eq!(anachronisms("OpenAI will release GPT-4.5 next year."), 0);
    assert_eq!(anachronisms("Once GPT-4.5 ships, prices may fall."), 0);
    assert_eq!(
        anachronisms("OpenAI's upcoming GPT-4.5 is said to be faster."),
        0
    );
}

#[test]
fn a_future_frame_carries_over_to_later_paragraphs_about_the_same_product() {
    let draft = "GPT-4.5 is expected to launch early next year.\n\n\
                 GPT-4.5 will combine reasoning and speed.\n\n\
                 GPT-4.5 is a big change for developers.";
    assert_eq!(anachronisms(draft), 0);
    // Without the frame, the same later paragraphs assert the product.
    let unframed = "GPT-4.5 will combine reasoning and speed.\n\nGPT-4.5 is a big change.";
    assert_eq!(anachronisms(unframed), 2);
}
