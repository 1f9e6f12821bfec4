namespace Shifa.Cli.Pipeline.Report;

/// <summary>One section of a run report.</summary>
/// <param name="Id">Anchor id (also what tests look for), e.g. <c>profile</c>, <c>ablation</c>.</param>
/// <param name="Title">Heading.</param>
/// <param name="Markdown">Body in Markdown; raw HTML in it is shown as text, never rendered.</param>
/// <param name="Images">PNG files to copy next to the report and show under the body.</param>
public sealed record ReportSection(string Id, string Title, string Markdown, IReadOnlyList<string>? Images = null);
