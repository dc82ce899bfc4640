using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SendGrid;

namespace Workflow.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>The SendGrid client (one for the process), the outbox table, <see cref="MailOutbox"/> and <see cref="IMailer"/>, from the "Email" section.</summary>
    public static IServiceCollection AddWorkflowEmail(this IServiceCollection services, string sectionName = EmailOptions.SectionName)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISendGridClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmailOptions>>().Value;
            return new SendGridClient(new SendGridClientOptions { ApiKey = options.ApiKey, Host = options.Host.TrimEnd('/') });
        });
        services.TryAddSingleton<MailLedger>();
        services.TryAddSingleton<SendGridTransport>();
        services.TryAddSingleton<MailOutbox>();
        services.TryAddSingleton<IMailer, SendGridMailer>();
        return services;
    }
}
