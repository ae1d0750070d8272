//! The load multiplier of an option (the what-if, `crate::whatif`), in
//! thousandths of the plan as set.

/// ×1: the plan as it is.
pub const LOAD_ONE: u32 = 1000;
/// The smallest multiplier the what-if takes (×0.5).
pub const LOAD_MIN: u32 = 500;
/// The largest multiplier the what-if takes and the breaking-point search
/// goes to (×10).
pub const LOAD_MAX: u32 = 10_000;
/// The breaking point's resolution: ×0.01.
pub const LOAD_STEP: u32 = 10;

/// `load` thousandths written as a multiplier: "×2", "×0.5", "×1.25".
///
/// ```
/// use stackfit_core::model::multiplier::load_words;
/// assert_eq!(load_words(2000), "×2");
/// assert_eq!(load_words(500), "×0.5");
/// assert_eq!(load_words(1250), "×1.25");
/// ```
pub fn load_words(load: u32) -> String {
    format!("×{}", super::units::format_thousandths(u64::from(load)))
}
