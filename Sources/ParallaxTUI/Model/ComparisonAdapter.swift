/// Turns the model's comparison of an event into the columns and rows the Compare pane draws
/// (see `CoreComparison.swift`). It only reshapes what the model found; it invents nothing.
public enum ComparisonAdapter {}
