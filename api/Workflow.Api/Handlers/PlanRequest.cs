using System.Text.Json;

namespace Workflow.Api.Handlers;

/// <summary>A plan JSON body as the editor sent it: its bytes (stored as they are), its text, and its root object.</summary>
internal sealed record PlanRequest(byte[] Bytes, string Text, JsonElement Root);
