/* peakmem.c: run a command, then print its wall time and peak resident
 * memory (getrusage of the child) to stderr as "peak_kib=N wall_s=S".
 * Usage: peakmem COMMAND [ARG...] */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct timeval a, b;
	struct rusage ru;
	int status;
	if (argc < 2) {
		fprintf(stderr, "usage: peakmem COMMAND [ARG...]\n");
		return 2;
	}
	gettimeofday(&a, NULL);
	pid_t pid = fork();
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		perror(argv[1]);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0) {
		perror("peakmem");
		return 2;
	}
	gettimeofday(&b, NULL);
	fprintf(stderr, "peak_kib=%ld wall_s=%.3f\n", ru.ru_maxrss,
	        (b.tv_sec - a.tv_sec) + (b.tv_usec - a.tv_usec) / 1e6);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
