using Workflow.Host;

// Settings and the dashboard are read from beside the executable, wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddWorkflowHost();
var app = builder.Build();
app.UseWorkflowHost();
app.Run();
