extension ReportLabels {
    /// Column and note naming a proposal's affinity cluster, and the line stating a report's filter.
    var cluster: String { isItalian ? "Raggruppamento" : "Cluster" }
}
