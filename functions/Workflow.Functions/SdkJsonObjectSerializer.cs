using Azure.Core.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace Workflow.Functions;

/// <summary>
/// The worker's <see cref="ObjectSerializer"/> written as the SDK's default <see cref="JsonDataConverter"/>, the converter
/// the local engine uses on both sides (its client and the worker's shims): System.Text.Json defaults plus
/// <c>IncludeFields</c>, PascalCase, case-sensitive. Delegating to the converter itself, rather than copying its options,
/// keeps the two identical if the SDK ever changes them.
/// </summary>
public sealed class SdkJsonObjectSerializer(DataConverter converter) : ObjectSerializer
{
    public SdkJsonObjectSerializer()
        : this(JsonDataConverter.Default)
    {
    }

    public override object? Deserialize(Stream stream, Type returnType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, leaveOpen: true);
        return converter.Deserialize(reader.ReadToEnd(), returnType);
    }

    public override async ValueTask<object?> DeserializeAsync(Stream stream, Type returnType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, leaveOpen: true);
        return converter.Deserialize(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), returnType);
    }

    public override void Serialize(Stream stream, object? value, Type inputType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Bytes(value));
    }

    public override async ValueTask SerializeAsync(Stream stream, object? value, Type inputType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await stream.WriteAsync(Bytes(value), cancellationToken).ConfigureAwait(false);
    }

    // JsonDataConverter writes nothing for null; JSON's null keeps a stream readable.
    private byte[] Bytes(object? value) => System.Text.Encoding.UTF8.GetBytes(converter.Serialize(value) ?? "null");
}
