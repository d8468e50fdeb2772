/// The consent a person ticks before leaving a contact with an offer of help. Its text says who may
/// contact them (the programme's facilitators), why (to arrange the help offered, nothing else) and how
/// to withdraw it. Changing the wording means a new `version`: consents keep the version they were
/// given under.
public enum ContactConsent {
    /// The version of the current text.
    public static let version = "offer-contact-1"

    /// The current text for a programme, in Italian and English.
    public static func text(programme: LocalizedText) -> LocalizedText {
        LocalizedText(
            it: "Acconsento a essere contattato/a a questo recapito dai facilitatori di «\(programme.it)», "
                + "solo per organizzare l'aiuto che offro. Il recapito non viene mostrato ad altri partecipanti né pubblicato. "
                + "Posso ritirare il consenso in qualsiasi momento togliendo il recapito o ritirando l'offerta.",
            en: "I agree to be contacted at this address by the facilitators of “\(programme.text(for: "en"))”, "
                + "only to arrange the help I am offering. It is not shown to other participants or published. "
                + "I can withdraw this at any time by removing the contact or withdrawing the offer."
        )
    }
}
