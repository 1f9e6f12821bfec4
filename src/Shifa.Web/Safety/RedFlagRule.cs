namespace Shifa.Web.Safety;

/// <summary>
/// One lexicon rule: it fires when every group has at least one term present (and not negated) and
/// none of the <paramref name="Unless"/> terms occurs. Terms are written in ordinary spelling and
/// folded with <see cref="SafetyText.Fold"/> when the lexicon loads; a leading <c>!</c> marks a term
/// that already carries its own negation ("ما اقدر اتنفس") and so skips the negation check; a leading
/// <c>~</c> marks a term that counts only when negated ("ما عم يقدر يتنفس" for <c>~يقدر يتنفس</c>); a
/// leading <c>*</c> (before any other mark) lets a verb stem take imperfect and dialect prefixes (يـ، تـ، بيـ، بتـ، مـ، كـ);
/// a trailing <c>$</c> asks for the whole word ("دم$" matches دم but not دماغ).
/// </summary>
/// <param name="Name">Stable rule name used in audit logs.</param>
/// <param name="Category">Emergency category the rule signals.</param>
/// <param name="Groups">All-of list of any-of term groups.</param>
/// <param name="Unless">Terms that cancel the rule (e.g. "تسمم غذائي" for the poisoning rule).</param>
public sealed record RedFlagRule(string Name, RedFlagCategory Category, IReadOnlyList<IReadOnlyList<string>> Groups, IReadOnlyList<string>? Unless = null);
