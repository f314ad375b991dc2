using QuizPlatform.Proxy;

var builder = WebApplication.CreateBuilder(args);
builder.AddQuizProxy();

var app = builder.Build();
app.MapQuizProxy();
app.Run();
