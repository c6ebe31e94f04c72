//! One indicator across two structures for the same municipalities: each municipality's
//! value in its area of one structure (the health clusters of 2022) and in its area of the
//! other (the sundhedsråd of 2027), both computed from the same municipal counts.

use crate::figures::key_figures::{indicator_figures, AreaLevel, Figure, FigureStatus, IndicatorFigures, KeyFigureOptions};
use crate::model::Dataset;

/// `structure`'s regions, municipalities and areas with `counts`' indicators, values and
/// standard populations: the figures of the same counts in another structure. A
/// municipality of the counts that the structure does not have is left out.
pub fn with_counts_of(structure: &Dataset, counts: &Dataset) -> Dataset {
    let mut out = structure.clone();
    out.indicators = counts.indicators.clone();
    out.values = counts.values.iter().filter(|v| structure.municipality(&v.municipality).is_some()).cloned().collect();
    out.standard_populations = counts.standard_populations.clone();
    out
}

/// A municipality's area in one structure and the area's figure.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaValue {
    pub area: String,
    pub name: String,
    /// The municipality's share of a split area membership; `None` when whole or unknown.
    pub share: Option<f64>,
    pub figure: Option<Figure>,
}

/// One municipality in both structures.
#[derive(Clone, Debug, PartialEq)]
pub struct MunicipalityRow {
    pub code: String,
    pub name: String,
    /// Its areas in the first structure (more than one where it is split).
    pub from: Vec<AreaValue>,
    pub to: Vec<AreaValue>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StructureComparison {
    pub from: IndicatorFigures,
    pub to: IndicatorFigures,
    pub rows: Vec<MunicipalityRow>,
}

impl StructureComparison {
    /// The rows whose area value changes status or value between the structures.
    pub fn changed(&self) -> impl Iterator<Item = &MunicipalityRow> {
        self.rows.iter().filter(|r| {
            let value = |a: &[AreaValue]| a.iter().map(|v| v.figure.as_ref().and_then(|f| f.value)).collect::<Vec<_>>();
            value(&r.from) != value(&r.to)
        })
    }
}

fn area_values(data: &Dataset, figures: &IndicatorFigures, code: &str, period: &str) -> Vec<AreaValue> {
    data.areas_with_member(code)
        .map(|a| {
            let split = data.areas_with_member(code).count() > 1;
            let share = a.members.iter().find(|m| m.municipality == code).and_then(|m| m.fraction(split)).filter(|_| split);
            let figure = figures.figures.iter().find(|f| f.level == AreaLevel::Cluster && f.area == a.id && f.period == period).cloned();
            AreaValue { area: a.id.clone(), name: a.name.clone(), share, figure }
        })
        .collect()
}

/// Indicator `indicator` in `period` for every municipality of `from` (which holds the
/// counts), in its areas of `from` and of `to` (whose areas are used with `from`'s counts).
/// `None` when `from` has no such indicator.
pub fn compare_structures(from: &Dataset, to: &Dataset, indicator: &str, period: &str, options: &KeyFigureOptions) -> Option<StructureComparison> {
    let definition = from.indicators.iter().find(|i| i.id == indicator)?;
    let from_figures = indicator_figures(from, definition, options);
    let moved = with_counts_of(to, from);
    let to_figures = indicator_figures(&moved, definition, options);
    let rows = from
        .municipalities
        .iter()
        .map(|m| MunicipalityRow {
            code: m.code.clone(),
            name: m.name.clone(),
            from: area_values(from, &from_figures, &m.code, period),
            to: area_values(&moved, &to_figures, &m.code, period),
        })
        .collect();
    Some(StructureComparison { from: from_figures, to: to_figures, rows })
}

/// Whether a figure has a value to show.
pub fn shown(figure: Option<&Figure>) -> bool {
    figure.is_some_and(|f| f.status == FigureStatus::Ok && f.value.is_some())
}
