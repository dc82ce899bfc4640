global using Workflow.Domain.Nominations;
global using Workflow.Domain.Plans;
global using Workflow.Domain.Time;
