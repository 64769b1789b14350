/* date.c: civil-date arithmetic (Howard Hinnant's days-from-civil algorithm,
 * written from its published description) and formatting. */
#include "util/date.h"
#include "util/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

static int32_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int date_from_ymd(int y, int m, int d, int32_t *out)
{
	if (y < 1800 || y > 9999 || m < 1 || m > 12 || d < 1 || d > date_days_in_month(y, m))
		return DY_EINVAL;
	*out = days_from_civil(y, m, d);
	return 0;
}

void date_to_ymd(int32_t days, int *y, int *m, int *d)
{
	int32_t z = days + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int date_parse(const char *s, int32_t *out)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return DY_EINVAL;
	int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0)
		return DY_EINVAL;
	return date_from_ymd(y, m, d, out);
}

void date_format(int32_t days, char out[DATE_LEN])
{
	if (days == DATE_NONE) {
		out[0] = '\0';
		return;
	}
	int y, m, d;
	date_to_ymd(days, &y, &m, &d);
	y = y < 0 ? 0 : y % 10000;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

void date_format_long(int32_t days, char *out, size_t n)
{
	static const char *months[] = {"January", "February", "March", "April", "May", "June", "July",
	                               "August", "September", "October", "November", "December"};
	if (days == DATE_NONE) {
		if (n)
			out[0] = '\0';
		return;
	}
	int y, m, d;
	date_to_ymd(days, &y, &m, &d);
	snprintf(out, n, "%d %s %d", d, months[m - 1], y);
}

int32_t date_add_months(int32_t days, int months)
{
	int y, m, d;
	date_to_ymd(days, &y, &m, &d);
	int idx = y * 12 + (m - 1) + months;
	y = idx / 12;
	m = idx % 12 + 1;
	int dim = date_days_in_month(y, m);
	if (d > dim)
		d = dim;
	return days_from_civil(y, m, d);
}

int date_months_between(int32_t from, int32_t to)
{
	if (to < from)
		return 0;
	int fy, fm, fd, ty, tm, td;
	date_to_ymd(from, &fy, &fm, &fd);
	date_to_ymd(to, &ty, &tm, &td);
	int months = (ty - fy) * 12 + (tm - fm);
	if (months > 0 && date_add_months(from, months) > to)
		months--;
	return months;
}

int32_t date_today(void)
{
	const char *env = getenv("DYAD_TODAY");
	int32_t d;
	if (env && *env && date_parse(env, &d) == 0)
		return d;
	time_t now = time(NULL);
	return (int32_t)(now / 86400);
}

void date_now_utc(char out[21])
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int date_stamp_valid(const char *s)
{
	if (strlen(s) != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return 0;
	for (int i = 11; i < 19; i++)
		if (i != 13 && i != 16 && (s[i] < '0' || s[i] > '9'))
			return 0;
	char d[DATE_LEN];
	memcpy(d, s, 10);
	d[10] = '\0';
	int32_t day;
	int hh = (s[11] - '0') * 10 + s[12] - '0', mm = (s[14] - '0') * 10 + s[15] - '0',
	    ss = (s[17] - '0') * 10 + s[18] - '0';
	return date_parse(d, &day) == 0 && hh < 24 && mm < 60 && ss < 60;
}
