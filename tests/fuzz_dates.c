/* fuzz_dates.c - libFuzzer target: any bytes as a date (of a recipe, a JSON
 * line or the schema's roles) and as the first lines of an article (its own
 * date line). A date accepted is a day of the calendar written YYYY-MM-DD,
 * date_check agrees with is_date, and the date an article gives itself is
 * such a day. 'make fuzz' runs it from the seeds in tests/fuzz/dates/. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* YYYY-MM-DD with a month and a day the month has (the Gregorian calendar). */
static bool is_day(const char *s)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d;

	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return false;
	if (s[10])
		return false;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	return m >= 1 && m <= 12 && d >= 1 &&
	       d <= days[m - 1] + (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size), out[11];
	struct diag err = {{0}};
	bool day = is_date(s, false), partial = is_date(s, true);
	struct doc *d;

	if ((day && !is_day(s)) || (day && !partial) || (date_check(s, false, (struct pos){"f", 1, 1}, &err) == 0) != day)
		abort();
	d = text_parse("fuzz", "fuzz", NULL, s, strlen(s));	/* takes s */
	if (text_date(d, out) && !is_day(out))
		abort();
	text_free(d);
	return 0;
}
