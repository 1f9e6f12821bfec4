namespace Shifa.Web.Review;

/// <summary>Estimated acceptance rate of one provider's records (accepted or edited ÷ decided).</summary>
/// <param name="Provider">Provider (or source for real records).</param>
/// <param name="Interval">Accepted count, decided count and 95% Wilson interval.</param>
public sealed record ProviderAcceptance(string Provider, ProportionInterval Interval);
