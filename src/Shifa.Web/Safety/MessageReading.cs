namespace Shifa.Web.Safety;

/// <summary>
/// One message as the safety layer reads it, once, for the rules and the learned screen alike: the
/// folded text (<see cref="RedFlagDetector.Read"/>), its words and the concepts tagged on them.
/// </summary>
internal sealed record MessageReading(string Text, string[] Tokens, List<ConceptHit> Hits);
