using System.Text.Json.Nodes;
using Workflow.Domain.Levels;

namespace Workflow.Cli.Api;

/// <summary>
/// A relay's report to its parent as its units' reports pre-fill it. <see cref="Statistics"/> stays a JSON tree: the CLI
/// changes single figures in it and sends it back without knowing every field's type.
/// </summary>
internal sealed record RollUpView(
    string SubCycleId,
    string ParentCycleId,
    string RelayUnitId,
    string DeliverableId,
    string Title,
    BaseCompletion Base,
    string? BaseText,
    IReadOnlyList<RollUpFigure> Figures,
    JsonObject? Statistics);
