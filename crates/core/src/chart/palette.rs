//! Colours: the Okabe–Ito palette (distinguishable with the common colour
//! vision deficiencies) for placements, neutral greys for the reserve, and a
//! rule that gives each service the same colour on every server when it can.

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// "#rrggbb", for CSS and SVG.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// This colour mixed with white: `amount` 0 keeps it, 100 is white.
    pub fn lighten(self, amount: u8) -> Rgb {
        let a = u16::from(amount.min(100));
        let mix = |c: u8| ((u16::from(c) * (100 - a) + 255 * a) / 100) as u8;
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }

    /// This colour mixed with black: `amount` 0 keeps it, 100 is black.
    pub fn darken(self, amount: u8) -> Rgb {
        let a = u16::from(amount.min(100));
        let mix = |c: u8| (u16::from(c) * (100 - a) / 100) as u8;
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }

    /// Black or white, whichever reads better on this colour (WCAG relative luminance).
    pub fn text_on(self) -> Rgb {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let l = 0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2);
        // Contrast with black is (l + 0.05) / 0.05, with white 1.05 / (l + 0.05).
        if (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) {
            INK
        } else {
            Rgb(255, 255, 255)
        }
    }
}

/// Okabe & Ito, "Color Universal Design" (2008), without black.
pub const PLACEMENT: [Rgb; 7] = [
    Rgb(0x00, 0x72, 0xB2), // blue
    Rgb(0xE6, 0x9F, 0x00), // orange
    Rgb(0x00, 0x9E, 0x73), // bluish green
    Rgb(0xCC, 0x79, 0xA7), // reddish purple
    Rgb(0x56, 0xB4, 0xE9), // sky blue
    Rgb(0xD5, 0x5E, 0x00), // vermillion
    Rgb(0xF0, 0xE4, 0x42), // yellow
];

/// Text and lines.
pub const INK: Rgb = Rgb(0x1f, 0x23, 0x28);
/// The OS and Docker reserve.
pub const RESERVE: Rgb = Rgb(0x8a, 0x8f, 0x98);
/// Free memory below the allocatable line.
pub const HEADROOM: Rgb = Rgb(0xee, 0xf1, 0xf4);
/// Anything past the allocatable line (does not fit / OOM risk).
pub const OVER: Rgb = Rgb(0xC0, 0x1C, 0x28);

/// FNV-1a, so a service's preferred colour never depends on the build.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Palette slots for a server's placements, in order: each service prefers
/// the slot its id hashes to (so PostgreSQL keeps its colour across servers),
/// and takes the next free slot when that one is already used on this
/// server. Seven placements get seven distinct colours; more repeat.
pub(crate) fn assign<'a>(services: impl IntoIterator<Item = &'a str>) -> Vec<Rgb> {
    let n = PLACEMENT.len();
    let mut used = [false; PLACEMENT.len()];
    let mut out = Vec::new();
    for (i, service) in services.into_iter().enumerate() {
        if i > 0 && i % n == 0 {
            used = [false; PLACEMENT.len()];
        }
        let start = (fnv1a(service) % n as u64) as usize;
        let slot = (0..n)
            .map(|k| (start + k) % n)
            .find(|&s| !used[s])
            .unwrap_or(start);
        used[slot] = true;
        out.push(PLACEMENT[slot]);
    }
    out
}

/// Colours for every placement of an option, keyed by placement id, so a
/// placement keeps its colour on whichever server it sits and moving it
/// changes no colour. Placements are taken in id order (not server order);
/// each prefers its service's slot, then the next free one. Past seven, the
/// palette repeats darker, then lighter, so up to 21 placements differ.
///
/// ```
/// use stackfit_core::chart::palette::option_colors;
/// let a = option_colors([("worker-high", "celery-prefork"), ("api", "fastapi"), ("worker-low", "celery-prefork")]);
/// let b = option_colors([("worker-low", "celery-prefork"), ("worker-high", "celery-prefork"), ("api", "fastapi")]);
/// assert_eq!(a, b);
/// assert_ne!(a[1].1, a[2].1, "two workers of one service differ");
/// ```
pub fn option_colors<'a>(
    placements: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<(String, Rgb)> {
    let mut sorted: Vec<(&str, &str)> = placements.into_iter().collect();
    crate::model::order::sort(&mut sorted);
    sorted.dedup_by_key(|(id, _)| *id);
    let base = assign(sorted.iter().map(|(_, service)| *service));
    sorted
        .iter()
        .zip(base)
        .enumerate()
        .map(|(i, ((id, _), color))| {
            let color = match (i / PLACEMENT.len()) % 3 {
                0 => color,
                1 => color.darken(35),
                _ => color.lighten(35),
            };
            (id.to_string(), color)
        })
        .collect()
}

/// The colour of each of `server`'s placements: from `by_id` (see
/// [`option_colors`]) where it has the placement, else by this server alone.
pub(crate) fn for_server(
    server: &crate::fit::ServerReport,
    by_id: Option<&[(String, Rgb)]>,
) -> Vec<Rgb> {
    let own = assign(server.placements.iter().map(|p| p.service.as_str()));
    server
        .placements
        .iter()
        .zip(own)
        .map(|(p, own)| {
            by_id
                .and_then(|c| c.iter().find(|(id, _)| *id == p.id))
                .map_or(own, |(_, c)| *c)
        })
        .collect()
}
