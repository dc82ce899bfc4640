global using Microsoft.DurableTask;
global using Workflow.Domain.Nominations;
global using Workflow.Domain.Plans;
global using Workflow.Domain.Scheduling;
global using Workflow.Domain.Time;
