namespace Shifa.Web.Safety;

/// <summary>One message of a labelled red-flag set (<c>label, category, dialect, text</c>).</summary>
/// <param name="Urgent">True when the writer labelled the message as needing urgent care now.</param>
/// <param name="CategoryKey">The writer's category key (<c>cardiac</c>, <c>selfharm-hard</c>, <c>none</c>...).</param>
/// <param name="Category">The emergency category of an urgent message; null for a message that is not urgent.</param>
/// <param name="Dialect">The dialect key the writer gave (<c>msa</c>, <c>egyptian</c>...).</param>
/// <param name="Text">The message.</param>
/// <param name="Source">File name and line the message came from, for error messages and audits.</param>
public sealed record LabelledMessage(bool Urgent, string CategoryKey, RedFlagCategory? Category, string Dialect, string Text, string Source);
