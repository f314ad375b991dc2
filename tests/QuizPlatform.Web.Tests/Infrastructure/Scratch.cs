namespace QuizPlatform.Web.Tests.Infrastructure;

/// <summary>
/// Where tests keep the files they create and delete by the thousand (the throwaway PostgreSQL cluster, whose
/// databases are copied and dropped per test, and the SQLite databases): the memory-backed <c>/dev/shm</c> when it has
/// room, else the system temp folder. On ext4, creating a file soon after others were deleted makes the kernel scan
/// for recently freed inodes; in a profile of 152 web tests that scan was a third of all the CPU time, PostgreSQL's
/// (docs/development.md, "Test time"). A container's <c>/dev/shm</c> is often 64 MB: too small, so the temp folder.
/// </summary>
internal static class Scratch
{
    private const string MemoryBacked = "/dev/shm";
    private const long RoomNeeded = 1L << 30;

    public static string Root { get; } = Choose();

    private static string Choose()
    {
        try
        {
            if (Directory.Exists(MemoryBacked) && new DriveInfo(MemoryBacked).AvailableFreeSpace >= RoomNeeded)
                return MemoryBacked;
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return Path.GetTempPath();
    }
}
