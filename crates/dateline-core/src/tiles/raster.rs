//! A newsroom's own raster tiles (`data-tiles="https://…/{z}/{x}/{y}.png"`),
//! drawn instead of the self-hosted detail.

use crate::geo::Viewport;

/// The closest level XYZ tile servers commonly serve.
pub const MAX_RASTER_LEVEL: u8 = 19;

/// Why a tile address template was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RasterTilesError {
    /// `{z}`, `{x}` or `{y}` is missing.
    #[error("the tile address “{0}” must contain {{z}}, {{x}} and {{y}}, as in https://tiles.example.org/{{z}}/{{x}}/{{y}}.png")]
    MissingPlaceholder(String),
    /// Not an http(s) address nor one on the page's own server.
    #[error(
        "the tile address “{0}” must start with https://, http:// or / (the page's own server)"
    )]
    BadAddress(String),
    /// No one is credited for the tiles.
    #[error("tiles need their credit: give data-tiles-attribution (or tilesAttribution), say “© OpenStreetMap contributors”")]
    NoAttribution,
}

/// An XYZ tile source and its credit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RasterTiles {
    template: String,
    /// Who made the tiles, shown in the map's credit line.
    pub attribution: String,
}

impl RasterTiles {
    /// A tile source from an address template and its credit.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_core::tiles::RasterTiles;
    /// let osm = RasterTiles::new("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OpenStreetMap contributors")?;
    /// assert_eq!(osm.url(3, 4, 2), "https://tile.openstreetmap.org/3/4/2.png");
    /// assert!(RasterTiles::new("javascript:alert(1)/{z}/{x}/{y}", "x").is_err());
    /// # Ok::<(), dateline_core::tiles::RasterTilesError>(())
    /// ```
    pub fn new(template: &str, attribution: &str) -> Result<RasterTiles, RasterTilesError> {
        let template = template.trim();
        if !["{z}", "{x}", "{y}"].iter().all(|p| template.contains(p)) {
            return Err(RasterTilesError::MissingPlaceholder(template.to_string()));
        }
        let lower = template.to_ascii_lowercase();
        let ours = template.starts_with('/') && !template.starts_with("//");
        if !(lower.starts_with("https://") || lower.starts_with("http://") || ours) {
            return Err(RasterTilesError::BadAddress(template.to_string()));
        }
        let attribution = attribution.trim();
        if attribution.is_empty() {
            return Err(RasterTilesError::NoAttribution);
        }
        Ok(RasterTiles {
            template: template.to_string(),
            attribution: attribution.to_string(),
        })
    }

    /// The address of one tile.
    pub fn url(&self, z: u8, x: u32, y: u32) -> String {
        self.template
            .replace("{z}", &z.to_string())
            .replace("{x}", &x.to_string())
            .replace("{y}", &y.to_string())
    }
}

/// The raster tiles a view draws: the level nearest its zoom (so a tile is
/// 181 to 362 px) and the tiles that cover it, as `(level, x, y)`.
///
/// # Examples
///
/// ```
/// use dateline_core::geo::{project, Size, Viewport, Zoom};
/// use dateline_core::tiles::raster_cover;
/// let view = Viewport::new(project(0.0, 0.0).unwrap(), Zoom::clamped(2.4), Size::new(512.0, 512.0));
/// let tiles = raster_cover(&view);
/// assert!(tiles.iter().all(|t| t.0 == 2));
/// assert_eq!(tiles.len(), 4); // the four around the centre of the world
/// ```
pub fn raster_cover(view: &Viewport) -> Vec<(u8, u32, u32)> {
    let level = (view.zoom().value().round() as u8).min(MAX_RASTER_LEVEL);
    super::cover(view.visible_bounds(0.0), level)
        .map(|t| (t.level, t.x, t.y))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::{project, Size, Zoom};

    #[test]
    fn templates_need_placeholders_an_address_and_a_credit() {
        assert_eq!(
            RasterTiles::new("https://a.org/{z}/{x}.png", "A"),
            Err(RasterTilesError::MissingPlaceholder(
                "https://a.org/{z}/{x}.png".into()
            ))
        );
        assert!(matches!(
            RasterTiles::new("data:image/png,{z}{x}{y}", "A"),
            Err(RasterTilesError::BadAddress(_))
        ));
        assert!(matches!(
            RasterTiles::new("//cdn.org/{z}/{x}/{y}", "A"),
            Err(RasterTilesError::BadAddress(_))
        ));
        assert_eq!(
            RasterTiles::new("/tiles/{z}/{x}/{y}.png", "  "),
            Err(RasterTilesError::NoAttribution)
        );
        let own = RasterTiles::new(" /t/{z}/{y}/{x}.png ", "Our newsroom").unwrap();
        assert_eq!(own.url(7, 80, 40), "/t/7/40/80.png");
        assert!(RasterTilesError::NoAttribution
            .to_string()
            .contains("data-tiles-attribution"));
    }

    #[test]
    fn the_cover_is_the_nearest_level_and_every_tile_meets_the_view() {
        let view = Viewport::new(
            project(37.6, 55.7).unwrap(),
            Zoom::clamped(7.6),
            Size::new(800.0, 600.0),
        );
        let tiles = raster_cover(&view);
        assert!(tiles.iter().all(|t| t.0 == 8));
        // Level 8 tiles are 194 px at zoom 7.6: 800 × 600 px takes 5 × 4 of them, or one more each way.
        assert!((20..=30).contains(&tiles.len()), "{}", tiles.len());
        let closest = Viewport::new(
            project(0.0, 0.0).unwrap(),
            Zoom::clamped(10.0),
            Size::new(100.0, 100.0),
        );
        assert!(raster_cover(&closest).iter().all(|t| t.0 == 10));
    }
}
