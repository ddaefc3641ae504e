//! What the person takes away: the story file's name and the code to paste
//! into the page (the CMS) that shows it.

/// The name the story is downloaded as.
pub const STORY_FILE: &str = "story.geojson";

/// The snippet that shows the story file `file` on a page: Dateline's
/// loader, from the `dist/` folder beside the page, and one element.
///
/// ```
/// let code = dateline_studio::embed_code("story.geojson");
/// assert!(code.contains(r#"data-story="story.geojson""#));
/// ```
pub fn embed_code(file: &str) -> String {
    let file = file.replace(['"', '<', '>', '&'], "");
    format!(
        "<script type=\"module\" src=\"dist/dateline-embed.js\"></script>\n\
         <div data-dateline data-story=\"{file}\" style=\"height: 480px\"></div>"
    )
}

/// Where the files go, in a sentence.
pub const WHERE_FILES_GO: &str = "Put story.geojson on your site next to the page, and Dateline's dist/ folder (from trunk build --release) beside it; then paste the code into the page where the map goes.";
