namespace Shifa.Web.Safety;

/// <summary>The learned screen's reading of one message.</summary>
/// <param name="Urgency">Probability (0..1) that the message needs urgent care now.</param>
/// <param name="Category">The most likely emergency category, whatever the urgency.</param>
/// <param name="OnlyNegated">True when the message names symptoms or signs and the concept tagger reads every one under a negation.</param>
public readonly record struct UrgencyPrediction(double Urgency, RedFlagCategory Category, bool OnlyNegated);
