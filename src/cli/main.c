/* main.c: placeholder entry while the CLI is being assembled. */
#include <stdio.h>
int main(void)
{
	puts("dyad " DYAD_VERSION);
	return 0;
}
