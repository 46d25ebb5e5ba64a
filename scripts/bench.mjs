console.log(JSON.stringify({ bench: 'not yet: the performance issue adds the figures' }));
