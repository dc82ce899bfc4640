global using Workflow.Domain.Nominations;
global using Workflow.Domain.Plans;
global using Workflow.Domain.Time;
global using Workflow.Domain.Validation;
global using Workflow.Domain.Reports;
global using Workflow.Domain.Levels;
