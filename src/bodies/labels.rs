//! Names of bodies and seats in Danish and English, shared by the view and the API.

use crate::bodies::{Body, BodySeat};
use crate::finding::Severity;
use crate::model::profile::RuleProfile;
use crate::model::{Dataset, Office, Role, Sector, Status};
use crate::model::text::Text;

/// "Horsens Kommune" / "Horsens Municipality". København's official name is genitive.
pub fn municipality_name(data: &Dataset, code: &str) -> Text {
    match data.municipality(code) {
        Some(m) if m.code == "101" && m.name == "København" => Text::new("Københavns Kommune", "Copenhagen Municipality"),
        Some(m) => Text::new(format!("{} Kommune", m.name), format!("{} Municipality", m.name)),
        None => Text::new(format!("kommune {code}"), format!("municipality {code}")),
    }
}

pub fn role_name(role: Role) -> Text {
    match role {
        Role::RegionalCouncilChair => Text::new("Regionsrådsformand", "Regional council chair"),
        Role::RegionalCouncilMember => Text::new("Regionsrådsmedlem", "Regional council member"),
        Role::RegionalRepresentative => Text::new("Regional repræsentant", "Regional representative"),
        Role::PsychiatryRepresentative => Text::new("Repræsentant for psykiatrien", "Psychiatry representative"),
        Role::Mayor => Text::new("Borgmester", "Mayor"),
        Role::DeputyMayor => Text::new("Fagborgmester", "Deputy mayor"),
        Role::MunicipalRepresentative => Text::new("Kommunal repræsentant", "Municipal representative"),
        Role::GeneralPracticeRepresentative => Text::new("Repræsentant for almen praksis", "General-practice representative"),
        Role::PatientRepresentative => Text::new("Patient- og pårørenderepræsentant", "Patient and relative representative"),
        Role::Other => Text::new("Medlem", "Member"),
    }
}

pub fn office_name(office: Office) -> Text {
    match office {
        Office::Chair => Text::new("formand", "chair"),
        Office::ViceChair => Text::new("næstformand", "vice-chair"),
        Office::CoChair => Text::new("medformand", "co-chair"),
    }
}

pub fn sector_name(sector: Sector) -> Text {
    match sector {
        Sector::Region => Text::new("Region", "Region"),
        Sector::Municipality => Text::new("Kommune", "Municipality"),
        Sector::GeneralPractice => Text::new("Almen praksis", "General practice"),
        Sector::Patients => Text::new("Patienter og pårørende", "Patients and relatives"),
        Sector::Other => Text::new("Andet", "Other"),
    }
}

pub fn status_name(status: Status) -> Text {
    match status {
        Status::Confirmed => Text::new("Bekræftet", "Confirmed"),
        Status::Partial => Text::new("Delvist bekræftet", "Partly confirmed"),
        Status::Secondary => Text::new("Sekundær kilde", "Secondary source"),
        Status::Unverified => Text::new("Ikke bekræftet", "Unverified"),
    }
}

pub fn severity_name(severity: Severity) -> Text {
    match severity {
        Severity::Error => Text::new("Fejl", "Error"),
        Severity::Warning => Text::new("Advarsel", "Warning"),
        Severity::Info => Text::new("Info", "Info"),
    }
}

/// The full name of a body, e.g. "Politisk niveau, Horsensklyngen": its kind's name in the
/// profile, and its owner's.
pub fn body_name(data: &Dataset, profile: &RuleProfile, body: &Body) -> Text {
    let kind = profile.body_kind_name(&body.id.kind);
    let owner = match body.area {
        None => data.region(&body.id.owner).map(|r| r.name.clone()),
        Some(_) => data.area(&body.id.owner).map(|c| c.name.clone()),
    }
    .unwrap_or_else(|| body.id.owner.clone());
    // "Sundhedsråd Vendsyssel" names its body already: not "Sundhedsråd, Sundhedsråd Vendsyssel".
    let named = |k: &str| owner.to_lowercase().starts_with(&k.to_lowercase());
    Text::new(
        if named(&kind.da) { owner.clone() } else { format!("{}, {owner}", kind.da) },
        if named(&kind.da) { owner.clone() } else { format!("{}, {owner}", kind.en) },
    )
}

/// What a seat is, without its holder: "Borgmester, Horsens Kommune", "Regionsrådsformand, formand".
pub fn seat_label(data: &Dataset, seat: &BodySeat) -> Text {
    seat_label_with(data, seat, |code| municipality_name(data, code))
}

/// [`seat_label`] with the municipality names from `municipality` (the chart looks each
/// name up once, not once per seat: a body may hold 100,000 seats).
pub fn seat_label_with(data: &Dataset, seat: &BodySeat, municipality: impl FnOnce(&str) -> Text) -> Text {
    let mut label = match (&seat.title, seat.role) {
        (Some(title), _) => title.clone(),
        (None, role) => role_name(role),
    };
    if let Some(code) = &seat.municipality {
        let m = municipality(code);
        label = Text::new(format!("{}, {}", label.da, m.da), format!("{}, {}", label.en, m.en));
    } else if let Some(area) = &seat.area {
        let name = data.area(area).map(|c| c.name.clone()).unwrap_or_else(|| area.clone());
        label = if seat.role == Role::Mayor && seat.seat_index.is_none() {
            Text::new(
                format!("Kommunal repræsentant (borgmester/fagborgmester), {name}"),
                format!("Municipal representative (mayor/deputy mayor), {name}"),
            )
        } else {
            Text::new(format!("{}, {name}", label.da), format!("{}, {name}", label.en))
        };
    }
    if let Some(office) = seat.office {
        let o = office_name(office);
        label = Text::new(format!("{} ({})", label.da, o.da), format!("{} ({})", label.en, o.en));
    }
    label
}
