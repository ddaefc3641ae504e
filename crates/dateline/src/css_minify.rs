//! Shrinks a stylesheet for shipping: comments go, and whitespace is kept
//! only where CSS needs it. Used by `build.rs` on the widget's CSS, which
//! travels inside the WebAssembly (issue 13); tested natively from the lib.

/// `css` without comments and without the whitespace CSS does not need:
/// none around `{`, `}`, `;`, `,` and `>`, or after `:` (a space before `:`
/// is a descendant combinator in a selector, so it stays), and no `;`
/// before `}`. Quoted strings are copied as they are.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = '\0';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '"' | '\'' => {
                push_space(&mut out, &mut pending_space);
                out.push(c);
                let mut escaped = false;
                for d in chars.by_ref() {
                    out.push(d);
                    if d == c && !escaped {
                        break;
                    }
                    escaped = d == '\\' && !escaped;
                }
            }
            '{' | '}' | ';' | ',' | '>' => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                pending_space = false;
                out.push(c);
                skip_space(&mut chars);
            }
            ':' => {
                push_space(&mut out, &mut pending_space);
                out.push(c);
                skip_space(&mut chars);
            }
            c => {
                push_space(&mut out, &mut pending_space);
                out.push(c);
            }
        }
    }
    out
}

/// Writes the one space a run of whitespace (or a comment) stood for, unless
/// it comes first or after a character that needs none.
fn push_space(out: &mut String, pending: &mut bool) {
    if std::mem::take(pending) && !out.is_empty() && !out.ends_with(['{', '}', ';', ',', '>', ':'])
    {
        out.push(' ');
    }
}

fn skip_space(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while chars.next_if(|c| c.is_whitespace()).is_some() {}
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn drops_comments_and_needless_whitespace() {
        let css = "/* theme */\n.a  .b > .c ,\n.d {\n  color: red;\n  margin: 0 auto;\n}\n";
        assert_eq!(minify(css), ".a .b>.c,.d{color:red;margin:0 auto}");
    }

    #[test]
    fn keeps_descendant_pseudo_classes_calc_and_strings() {
        let css = ".x :where(p) { width: calc(100% - 2px); content: \"a  ;  b\"; }";
        assert_eq!(
            minify(css),
            ".x :where(p){width:calc(100% - 2px);content:\"a  ;  b\"}"
        );
        let media =
            "@media (max-width: 600px) and (prefers-reduced-motion: reduce) { .a { x: 1 } }";
        assert_eq!(
            minify(media),
            "@media (max-width:600px) and (prefers-reduced-motion:reduce){.a{x:1}}"
        );
    }

    #[test]
    fn the_widgets_stylesheet_keeps_every_rule() {
        let css = include_str!("../../../assets/dateline.css");
        let small = minify(css);
        assert!(
            small.len() < css.len() * 3 / 4,
            "{} of {}",
            small.len(),
            css.len()
        );
        assert_eq!(small.matches('{').count(), css.matches('{').count());
        assert!(!small.contains("/*"));
    }
}
