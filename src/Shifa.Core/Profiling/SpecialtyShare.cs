namespace Shifa.Core.Profiling;

/// <summary>One specialty's share of the records.</summary>
/// <param name="Key">The record's <c>SpecialtyKey</c> (or its label when no key was set; <c>(none)</c> when neither).</param>
/// <param name="Label">The most frequent source label seen with this key.</param>
/// <param name="Count">Number of records.</param>
/// <param name="Share">Count divided by all records, rounded to 4 decimals.</param>
public sealed record SpecialtyShare(string Key, string Label, int Count, double Share);
