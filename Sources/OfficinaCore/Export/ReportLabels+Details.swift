extension ReportLabels {
    /// Column and heading of a proposal's own text.
    var description: String { isItalian ? "Descrizione" : "Description" }
    /// Column and heading of the build-ons' texts.
    var buildOnTexts: String { isItalian ? "Testo degli sviluppi" : "Build-on texts" }
}
