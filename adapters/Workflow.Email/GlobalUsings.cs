global using Workflow.Domain.Plans;
global using Workflow.Domain.Time;
