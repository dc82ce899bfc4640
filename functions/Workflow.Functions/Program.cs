using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Workflow.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<Workflow.Functions.Http.RouteValuesMiddleware>();
builder.AddWorkflowFunctions();
builder.Build().Run();
