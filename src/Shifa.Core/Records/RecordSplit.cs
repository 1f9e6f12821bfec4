namespace Shifa.Core.Records;

/// <summary>Dataset split of a record. Test items come only from real records.</summary>
public enum RecordSplit
{
    /// <summary>Not assigned yet (synthetic records stay here until a condition pulls them into training).</summary>
    None = 0,
    /// <summary>Training split.</summary>
    Train = 1,
    /// <summary>Validation split.</summary>
    Val = 2,
    /// <summary>Held-out test split (real records only).</summary>
    Test = 3,
}
