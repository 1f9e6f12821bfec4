namespace Shifa.Cli.Pipeline;

/// <summary>A stage cannot go on until people act (e.g. experts finish a review round); not a failure.</summary>
public sealed class PipelinePausedException(string message) : Exception(message);
