using QuizPlatform.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddQuizPlatform();

var app = builder.Build();
app.MapQuizPlatform();
app.Run();

/// <summary>Entry point; public so integration tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
