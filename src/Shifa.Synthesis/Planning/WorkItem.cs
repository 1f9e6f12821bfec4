namespace Shifa.Synthesis.Planning;

/// <summary>
/// One request to a generator: what to ask for and which seed records to ground it in. The id is a
/// content hash of every field below, so the same inputs always give the same item.
/// </summary>
/// <param name="Id">Content hash of the item's fields.</param>
/// <param name="Provider">Provider the item is planned for (<c>openai</c>, <c>gemini</c>, <c>offline</c>...).</param>
/// <param name="Seq">Position in the run order (specialties interleaved so a partial run stays balanced).</param>
/// <param name="SpecialtyKey">Normalised specialty key of the exemplars.</param>
/// <param name="Specialty">Specialty label as shown in the seed.</param>
/// <param name="QuestionType">Kind of question to generate.</param>
/// <param name="Dialect">Target dialect of the questions (<c>msa</c>, <c>egyptian</c>, <c>levantine</c>, <c>gulf</c>, <c>maghrebi</c>).</param>
/// <param name="Persona">Who asks.</param>
/// <param name="Pairs">Number of question–answer pairs to ask for.</param>
/// <param name="ExemplarIds">Ids of the real seed records shown as exemplars.</param>
/// <param name="PromptVersion">Version of the prompt template (or offline recipe) the item is rendered with.</param>
public sealed record WorkItem(
    string Id,
    string Provider,
    int Seq,
    string SpecialtyKey,
    string? Specialty,
    QuestionType QuestionType,
    string Dialect,
    Persona Persona,
    int Pairs,
    IReadOnlyList<string> ExemplarIds,
    string PromptVersion);
