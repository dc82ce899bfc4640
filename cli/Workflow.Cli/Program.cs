using Workflow.Cli;

return PlanCommands.Run(args, Console.Out, Console.Error);
