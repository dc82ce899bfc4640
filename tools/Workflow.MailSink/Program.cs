using Workflow.MailSink;

// dotnet Workflow.MailSink.dll --urls http://127.0.0.1:5025 [--MailSink:JournalPath=mails.jsonl]
await MailSinkApp.Create(args).RunAsync();
