namespace Shifa.Core.Ingest;

/// <summary>The column map does not fit the input: a mapped column is missing, or question/answer cannot be found.</summary>
public sealed class ColumnMappingException(string message) : Exception(message);
