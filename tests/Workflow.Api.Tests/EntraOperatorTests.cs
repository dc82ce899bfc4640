using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Workflow.Api.Security;
using Workflow.Host;
using Workflow.MailSink;

namespace Workflow.Api.Tests;

/// <summary>
/// With an Entra section, the operator policies also take Entra ID tokens: app roles and the scope claim become the same
/// role and scope as a key's. The tenant's signing keys are replaced by a local one, so nothing leaves the machine.
/// </summary>
public sealed class EntraOperatorTests : IAsyncLifetime
{
    private const string ClientId = "11111111-2222-3333-4444-555555555555";
    private const string Issuer = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0";
    private readonly SymmetricSecurityKey _signing = new(RandomNumberGenerator.GetBytes(32));
    private readonly string _storage = Environment.GetEnvironmentVariable("WORKFLOW_STORAGE") ?? throw new InvalidOperationException("Set WORKFLOW_STORAGE.");
    private readonly string _prefix = "e" + RandomNumberGenerator.GetHexString(10, lowercase: true);
    private WebApplication? _app;
    private MailSinkServer? _sink;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _sink = await MailSinkServer.StartAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Storage"] = _storage,
            ["Host:Port"] = "0",
            ["Operator:ApiKey"] = AccessHost.BootstrapKey,
            ["Storage:Prefix"] = _prefix,
            ["Email:ApiKey"] = "SG.test-key-not-secret",
            ["Email:Host"] = _sink.BaseUrl,
            ["Email:FromAddress"] = "pv01@congan.phanquyen.example",
            ["Email:LedgerTable"] = $"{_prefix}mail",
            ["Cycle:LinkKey"] = ApiHost.LinkKey,
            ["Cycle:PublicBaseUrl"] = "http://127.0.0.1:7071",
            ["DurableTask:TaskHubName"] = $"{_prefix}hub",
            ["Entra:TenantId"] = "00000000-0000-0000-0000-000000000000",
            ["Entra:ClientId"] = ClientId,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddWorkflowHost();
        // The tenant's published keys, as a fixed configuration: no metadata request to Entra ID.
        builder.Services.PostConfigure<JwtBearerOptions>(ApiAuth.EntraScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(_signing);
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });
        _app = builder.Build();
        _app.UseWorkflowHost();
        await _app.StartAsync();
        _address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    [Fact]
    public async Task AppRolesAndTheScopeClaim_BecomeTheOperatorsRoleAndScope()
    {
        using var viewer = Bearer(Token(["Workflow.Viewer"], "huyen-a"));
        var me = await ApiHost.ReadAsync(await viewer.GetAsync("/api/me"), HttpStatusCode.OK);
        Assert.Equal("viewer", me.GetProperty("role").GetString());
        Assert.Equal("huyen-a", me.GetProperty("scope").GetString());
        Assert.Equal("entra", me.GetProperty("source").GetString());
        Assert.Equal("Cán bộ Entra", me.GetProperty("name").GetString());
        await ApiHost.ProblemAsync(await viewer.PostAsync("/api/cycles/acc/suspend", null), HttpStatusCode.Forbidden);

        using var administrator = Bearer(Token(["Workflow.Viewer", "Workflow.Administrator"], "*"));
        await ApiHost.ReadAsync(await administrator.GetAsync("/api/operators"), HttpStatusCode.OK);

        // No Workflow role, no scope, another audience or another key: not an operator.
        foreach (var token in new[] { Token([], "*"), Token(["Workflow.Operator"], null), Token(["Workflow.Operator"], "*", audience: "api://khac"), Token(["Workflow.Operator"], "*", key: new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32))) })
        {
            using var client = Bearer(token);
            await ApiHost.ProblemAsync(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        }

        // The keys still work beside Entra ID, and the document names both.
        using var bootstrap = new HttpClient { BaseAddress = _address };
        bootstrap.DefaultRequestHeaders.Add("X-Api-Key", AccessHost.BootstrapKey);
        await ApiHost.ReadAsync(await bootstrap.GetAsync("/api/me"), HttpStatusCode.OK);
        var document = await ApiHost.ReadAsync(await bootstrap.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Entra").GetProperty("scheme").GetString());
        Assert.Equal(2, document.GetProperty("paths").GetProperty("/api/me").GetProperty("get").GetProperty("security").GetArrayLength());
    }

    private HttpClient Bearer(string token)
    {
        var client = new HttpClient { BaseAddress = _address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private string Token(string[] roles, string? scope, string audience = ClientId, SecurityKey? key = null)
    {
        var claims = new Dictionary<string, object> { ["oid"] = "9f0e0000-0000-0000-0000-000000000001", ["name"] = "Cán bộ Entra" };
        if (roles.Length > 0)
        {
            claims["roles"] = roles;
        }

        if (scope is not null)
        {
            claims["workflow_scope"] = scope;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key ?? _signing, SecurityAlgorithms.HmacSha256),
        });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_sink is not null)
        {
            await _sink.DisposeAsync();
        }

        await StoragePrefix.DeleteAsync(_storage, _prefix);
    }
}
