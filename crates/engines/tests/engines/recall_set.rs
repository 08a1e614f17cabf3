//! The retrieval set: school passages, and questions worded the way a learner would
//! ask them — not copies of the passages' words. The recall test checks Satchel's
//! search with it, and `cargo xtask bench models` compares embedding models on it
//! (that bench includes this file by path).

/// (title, passage). Several subjects share words on purpose ("cell", "energy",
/// "current", "revolution"), so words alone cannot pick the right one.
pub const PASSAGES: &[(&str, &str)] = &[
    (
        "Photosynthesis",
        "Green plants make their own food. In the chloroplasts, chlorophyll absorbs sunlight and uses its energy to turn carbon dioxide and water into glucose. Oxygen is released as a by-product.",
    ),
    (
        "Cell respiration",
        "Every living cell releases energy from glucose by respiration. In the mitochondria, glucose reacts with oxygen to give carbon dioxide, water and ATP, the molecule cells spend as energy.",
    ),
    (
        "Mitosis",
        "Mitosis is how a body cell divides into two identical daughter cells. The chromosomes are copied, line up in the middle of the cell and are pulled apart to opposite ends before the cell splits.",
    ),
    (
        "The heart",
        "The human heart has four chambers. The right side pumps blood to the lungs to collect oxygen, and the left side pumps oxygen-rich blood around the rest of the body through the arteries.",
    ),
    (
        "Natural selection",
        "Individuals in a population vary. Those whose traits suit their surroundings survive longer and have more offspring, so over many generations those traits become common. Darwin called this natural selection.",
    ),
    (
        "Atoms",
        "An atom has a tiny dense nucleus of protons and neutrons, surrounded by electrons. The number of protons, the atomic number, decides which element the atom is.",
    ),
    (
        "Acids and bases",
        "Acids have a pH below 7 and bases a pH above 7. When an acid and a base react they neutralise each other, making a salt and water.",
    ),
    (
        "Rusting",
        "Iron rusts when it meets both water and oxygen. Painting, oiling or galvanising the metal with zinc keeps them away and stops the corrosion.",
    ),
    (
        "Newton's laws",
        "An object stays at rest or keeps moving at a steady speed unless a force acts on it. The acceleration of a body equals the net force divided by its mass, and every action has an equal and opposite reaction.",
    ),
    (
        "Electric circuits",
        "Current is the flow of charge around a circuit, measured in amperes. Ohm's law says the voltage across a resistor equals the current times its resistance.",
    ),
    (
        "Speed of light",
        "Light travels through empty space at about 300,000 kilometres per second. It takes roughly eight minutes for sunlight to reach the Earth.",
    ),
    (
        "The water cycle",
        "The sun heats seas and lakes so water evaporates. The vapour rises, cools and condenses into clouds, then falls back as rain or snow and flows to the sea in rivers.",
    ),
    (
        "Plate tectonics",
        "The Earth's crust is broken into plates that drift a few centimetres each year on the mantle. Where plates collide, mountains rise; where they grind past each other, earthquakes shake the ground.",
    ),
    (
        "Volcanoes",
        "A volcano forms where molten rock called magma rises through the crust. Pressure from dissolved gases can make an eruption explosive, throwing out ash and lava.",
    ),
    (
        "Climate zones",
        "Places near the equator are hot all year because the sun is high overhead. Towards the poles sunlight strikes at a low angle and spreads out, so the climate is colder.",
    ),
    (
        "The Nile",
        "Ancient Egypt grew up along the Nile. Each summer the river flooded and left fertile black silt on its banks, which let farmers grow wheat and barley in the desert.",
    ),
    (
        "The Roman Empire",
        "At its height the Roman Empire stretched from Britain to Mesopotamia. Its roads, aqueducts and laws held it together, until the western half fell to invaders in 476 AD.",
    ),
    (
        "The printing press",
        "Around 1440 Johannes Gutenberg built a press with movable metal type. Books became cheap enough for many people to own, and ideas spread across Europe faster than ever before.",
    ),
    (
        "The French Revolution",
        "In 1789 the people of France, angry at hunger, debt and the privileges of the nobles, rose against King Louis XVI. The revolution ended the monarchy and proclaimed liberty, equality and fraternity.",
    ),
    (
        "The Industrial Revolution",
        "From the late 1700s steam engines and machines moved work from homes to factories in Britain. Cities grew quickly as people left farms to work in the mills.",
    ),
    (
        "The First World War",
        "The assassination of Archduke Franz Ferdinand in 1914 set off a war between the great powers of Europe, drawn in by their alliances. Millions died in the trenches of the Western Front.",
    ),
    (
        "Pythagoras",
        "In a right-angled triangle, the square on the longest side, the hypotenuse, equals the sum of the squares on the other two sides.",
    ),
    (
        "Fractions",
        "To add two fractions, first give them a common denominator, then add the numerators. Three quarters plus one half is three quarters plus two quarters, which is five quarters.",
    ),
    (
        "Prime numbers",
        "A prime number has exactly two factors, one and itself. Two is the only even prime; every whole number greater than one is a product of primes in just one way.",
    ),
    (
        "Area of a circle",
        "The area of a circle is pi times the radius squared, and its circumference is two times pi times the radius. Pi is about 3.14.",
    ),
    (
        "Metaphor",
        "A metaphor describes something as if it were something else, such as calling the world a stage. Unlike a simile it does not use the words like or as.",
    ),
    (
        "Romeo and Juliet",
        "Shakespeare's Romeo and Juliet tells of two young lovers from feuding families in Verona. A chain of misunderstandings ends with both of them taking their own lives.",
    ),
    (
        "Supply and demand",
        "When something is scarce and many people want it, its price rises. When there is plenty and few buyers, sellers lower the price until it sells.",
    ),
    (
        "Algorithms",
        "An algorithm is a precise list of steps that solves a problem. A computer program carries out algorithms such as sorting a list or searching for a word.",
    ),
    (
        "Binary",
        "Computers store everything as binary digits, ones and zeros. Eight bits make a byte, enough for 256 different values.",
    ),
    (
        "Musical scales",
        "A major scale climbs in a pattern of whole and half steps: whole, whole, half, whole, whole, whole, half. C major uses only the white keys of a piano.",
    ),
    (
        "Colour mixing",
        "Painters mix the primary colours red, yellow and blue to make the others: yellow and blue give green, red and blue give purple.",
    ),
    (
        "Digestion",
        "Food is broken down in the stomach by acid and enzymes, then nutrients are absorbed into the blood through the walls of the small intestine.",
    ),
    (
        "Gravity",
        "Every mass pulls on every other mass. The Moon's gravity pulls on the oceans and raises the tides, and the Earth's keeps the Moon in its orbit.",
    ),
];

/// (question, the passage that answers it, words of the sentence that answers it).
pub const QUESTIONS: &[(&str, &str, &str)] = &[
    (
        "How do plants feed themselves?",
        "Photosynthesis",
        "Green plants make their own food",
    ),
    (
        "Where does a living thing get its energy from sugar?",
        "Cell respiration",
        "releases energy from glucose",
    ),
    (
        "What happens when one cell becomes two copies?",
        "Mitosis",
        "divides into two identical",
    ),
    (
        "Which organ sends blood to pick up oxygen?",
        "The heart",
        "pumps blood to the lungs",
    ),
    (
        "Why do helpful features spread through a species over time?",
        "Natural selection",
        "survive longer",
    ),
    (
        "What decides what kind of element something is?",
        "Atoms",
        "atomic number",
    ),
    (
        "What do you get when you mix something sour with an alkali?",
        "Acids and bases",
        "neutralise",
    ),
    (
        "How can I protect a metal gate from going orange?",
        "Rusting",
        "galvanising",
    ),
    (
        "Why does a ball keep rolling until something stops it?",
        "Newton's laws",
        "stays at rest or keeps moving",
    ),
    (
        "How are voltage and resistance connected?",
        "Electric circuits",
        "voltage across a resistor",
    ),
    (
        "How long does sunshine take to get here?",
        "Speed of light",
        "eight minutes",
    ),
    (
        "Where does rain come from?",
        "The water cycle",
        "falls back as rain",
    ),
    (
        "What makes the ground shake?",
        "Plate tectonics",
        "earthquakes",
    ),
    (
        "Why do some eruptions blow up violently?",
        "Volcanoes",
        "explosive",
    ),
    (
        "Why is it warm near the middle of the Earth?",
        "Climate zones",
        "hot all year",
    ),
    (
        "How could Egyptians farm in a dry land?",
        "The Nile",
        "fertile black silt",
    ),
    (
        "When did Rome collapse in the west?",
        "The Roman Empire",
        "476 AD",
    ),
    (
        "Who invented a way to make books quickly?",
        "The printing press",
        "Johannes Gutenberg",
    ),
    (
        "Why did the French rise against their king?",
        "The French Revolution",
        "angry at hunger",
    ),
    (
        "What started the great war in 1914?",
        "The First World War",
        "assassination",
    ),
    (
        "How do I find the long side of a right triangle?",
        "Pythagoras",
        "hypotenuse",
    ),
    (
        "How do you sum two fractions with different bottoms?",
        "Fractions",
        "common denominator",
    ),
    (
        "Which numbers can only be divided by one and themselves?",
        "Prime numbers",
        "exactly two factors",
    ),
    (
        "How big is the inside of a round shape?",
        "Area of a circle",
        "pi times the radius squared",
    ),
    (
        "What is the figure of speech that compares without like?",
        "Metaphor",
        "does not use the words like",
    ),
    (
        "Which play is about lovers from enemy families?",
        "Romeo and Juliet",
        "two young lovers",
    ),
    (
        "Why do things cost more when they are rare?",
        "Supply and demand",
        "price rises",
    ),
    (
        "How does a computer count with just two symbols?",
        "Binary",
        "ones and zeros",
    ),
    (
        "What colour comes from blending yellow with blue paint?",
        "Colour mixing",
        "yellow and blue give green",
    ),
    (
        "What causes the sea to rise and fall each day?",
        "Gravity",
        "raises the tides",
    ),
];
