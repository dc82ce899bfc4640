using System.ComponentModel.DataAnnotations;

namespace Workflow.Storage;

/// <summary>Where dossiers and status rows live. Bound from the "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>Prefix of every container and table name, so tests and cycles can share an account.</summary>
    [Required]
    [RegularExpression("^[a-z][a-z0-9]{0,30}$", ErrorMessage = "Prefix must be lower-case letters and digits, starting with a letter.")]
    public string Prefix { get; set; } = "workflow";

    /// <summary>Largest accepted file; scanned dossiers are big, but a limit keeps one upload from filling memory.</summary>
    [Range(1, 1L << 31)]
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>File types units may send: PDF, Word, Excel, scanned images and archives of them.</summary>
    public string[] AllowedExtensions { get; set; } =
        [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".zip"];

    /// <summary>
    /// How long an upload's pending files may wait for their status and audit rows before the reconciler treats the
    /// writer as dead (an upload gives up after half of it, so the two never race).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PendingGrace { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the host's reconciler looks for pending uploads older than <see cref="PendingGrace"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(5);

    public string DossierContainer => $"{Prefix}-dossiers";

    public string StatusTable => $"{Prefix}status";

    public string NomineeTable => $"{Prefix}nominees";

    /// <summary>Achievement records kept across cycles, and the award decisions operators entered.</summary>
    public string AchievementTable => $"{Prefix}achievements";

    /// <summary>Operator accounts (hashed keys) and the audit of refused operator requests.</summary>
    public string OperatorTable => $"{Prefix}operators";

    public string PlanContainer => $"{Prefix}-plans";

    /// <summary>Plans being drafted in the editor, every saved version (<see cref="BlobPlanDrafts"/>).</summary>
    public string PlanDraftContainer => $"{Prefix}-plan-drafts";

    public string ExportContainer => $"{Prefix}-exports";

    public string TemplateContainer => $"{Prefix}-templates";
}
