namespace Workflow.Domain.Awards;

/// <summary>
/// The issuing organ of an administrative document (Decree 30/2020/NĐ-CP, Appendix I): the superior organ line, the
/// organ itself, the symbol after the number ("QĐ-UBND"), and the signer's title ("CHỦ TỊCH").
/// </summary>
public sealed record DocumentHeader(string? ParentOrgan, string Organ, string Symbol, string SignerTitle);
