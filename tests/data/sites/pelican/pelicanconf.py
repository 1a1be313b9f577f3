# A Pelican site: settings in Python, content under PATH, articles under ARTICLE_PATHS.
AUTHOR = 'Alexis Example'
SITENAME = 'Fixture Pelican Blog'
SITEURL = 'https://pelican.example.org'

PATH = 'content'
ARTICLE_PATHS = ['articles']
PAGE_PATHS = ['pages']
STATIC_PATHS = ['images', 'articles']

TIMEZONE = 'Europe/Paris'
DEFAULT_LANG = 'en'

ARTICLE_URL = 'posts/{date:%Y}/{slug}/'
ARTICLE_SAVE_AS = 'posts/{date:%Y}/{slug}/index.html'

# Feed generation is usually not desired when developing
FEED_ALL_ATOM = None
DEFAULT_PAGINATION = 10
