namespace QuizPlatform.Web.Features.SecurityHeaders;

/// <summary>
/// The headers every response carries (NetEscapades.AspNetCore.SecurityHeaders), and no <c>Server</c> header.
/// The Content-Security-Policy allows scripts from this origin only, plus the one inline script Blazor renders (the
/// import map), which carries this request's nonce (<c>App.razor</c>); nothing else inline runs, so an injected
/// <c>&lt;script&gt;</c> or <c>onclick</c> is refused by the browser even if it got past the HTML encoding.
/// </summary>
public static class SecurityHeadersFeature
{
    /// <summary>A year, the least HSTS preload lists and ASVS accept.</summary>
    public const int HstsMaxAgeSeconds = 365 * 24 * 60 * 60;

    public static WebApplicationBuilder AddSecurityHeadersFeature(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSecurityHeaderPolicies().SetDefaultPolicy(policy => Configure(policy, development));
        return builder;
    }

    /// <summary>Goes first in the pipeline, so error pages, static files and redirects carry the headers too.</summary>
    public static IApplicationBuilder UseSecurityHeadersFeature(this IApplicationBuilder app) => app.UseSecurityHeaders();

    /// <summary>
    /// The library's secure default (OWASP's list) less <c>web-share</c>, which Chromium on Linux does not know and
    /// reports on the console of every page ("Unrecognized feature").
    /// </summary>
    static void DenyBrowserFeatures(PermissionsPolicyBuilder features)
    {
        features.AddAccelerometer().None();
        features.AddAutoplay().None();
        features.AddCamera().None();
        features.AddDisplayCapture().None();
        features.AddEncryptedMedia().None();
        features.AddFullscreen().None();
        features.AddGeolocation().None();
        features.AddGyroscope().None();
        features.AddMagnetometer().None();
        features.AddMicrophone().None();
        features.AddMidi().None();
        features.AddPayment().None();
        features.AddPictureInPicture().None();
        features.AddPublickeyCredentialsGet().None();
        features.AddScreenWakeLock().None();
        features.AddSyncXHR().None();
        features.AddUsb().None();
        features.AddXrSpatialTracking().None();
    }

    static void Configure(HeaderPolicyCollection policy, bool development)
    {
        policy.AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
            .AddPermissionsPolicy(DenyBrowserFeatures)
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self().WithNonce();
                // Blazor's circuit is a WebSocket to this origin; 'self' covers ws(s): on the same host (CSP 3).
                // In Development, dotnet watch's browser refresh also connects to a socket on another local port.
                var connect = csp.AddConnectSrc().Self();
                if (development)
                    connect.From("ws://localhost:*").From("wss://localhost:*");
                // Stylesheets from this origin only; style attributes stay allowed because Blazor and the pages set
                // computed styles (the concept heat map's cell colours, Virtualize's spacers). Attributes cannot run script.
                csp.AddStyleSrc().Self();
                csp.AddStyleSrcAttr().UnsafeInline();
                // Bootstrap's form controls draw their icons from data: SVGs.
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            });
        // HSTS is sent on HTTPS responses only (the library checks); Development runs on plain localhost ports.
        if (!development)
            policy.AddStrictTransportSecurityMaxAgeIncludeSubDomains(HstsMaxAgeSeconds);
    }
}
