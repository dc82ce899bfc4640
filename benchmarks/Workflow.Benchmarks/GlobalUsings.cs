global using Microsoft.DurableTask;
global using Microsoft.DurableTask.Client;
global using Workflow.Domain.Plans;
global using Workflow.Domain.Scheduling;
global using Workflow.Domain.Time;
global using Workflow.Orchestrations.Contracts;
