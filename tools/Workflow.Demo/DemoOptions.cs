namespace Workflow.Demo;

/// <summary>Where the host and the mail sink listen, the operator key, and the plan to run.</summary>
internal sealed record DemoOptions(Uri Host, string OperatorKey, Uri MailSink, string PlanPath)
{
    public static DemoOptions Parse(string[] args)
    {
        string Value(string name) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"Missing {name}.");

        return new DemoOptions(new Uri(Value("--host")), Value("--key"), new Uri(Value("--sink")), Value("--plan"));
    }
}
