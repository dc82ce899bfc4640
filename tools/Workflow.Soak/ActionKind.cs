namespace Workflow.Soak;

internal enum ActionKind
{
    /// <summary>A unit uploads one report.</summary>
    Report,

    /// <summary>A unit proposes a nominee with its dossier.</summary>
    Nomination,

    /// <summary>The concurrent uploaders run.</summary>
    Burst,

    /// <summary>The hostile corpus is sent (faulted run only).</summary>
    Hostile,
}
