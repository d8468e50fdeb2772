/// A participant who erased their data (GDPR art. 17) keeps a fixed placeholder as their stored name,
/// so ideas, build-ons and actions stay attributed to "someone"; pages and exports show it in their
/// own language.
public enum ErasedPerson {
    /// The name stored in place of an erased participant's.
    public static let storedName = "deleted participant"

    /// `name` as shown in `language` (`it` or `en`): the placeholder translated, any other name unchanged.
    public static func displayName(_ name: String, language: String) -> String {
        guard name == storedName else { return name }
        return language.hasPrefix("en") ? "deleted participant" : "partecipante eliminato"
    }
}
